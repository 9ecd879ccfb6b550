// OutboundThread: an io_context on a thread of its own for sends to the chat platforms. Stops
// and joins when destroyed, also when start-up fails half way.
#pragma once

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>

#include <thread>

namespace superbruger::bot {

class OutboundThread {
public:
    OutboundThread() : work_(boost::asio::make_work_guard(ioc_)), thread_([this] { ioc_.run(); }) {}
    ~OutboundThread() {
        work_.reset();
        ioc_.stop();  // sends still running were given the shutdown grace already
        thread_.join();
    }
    OutboundThread(OutboundThread const&) = delete;
    OutboundThread& operator=(OutboundThread const&) = delete;

    boost::asio::io_context& context() noexcept { return ioc_; }

private:
    boost::asio::io_context ioc_{1};
    boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_;
    std::thread thread_;
};

}  // namespace superbruger::bot
